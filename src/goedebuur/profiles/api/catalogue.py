# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/leveranciers and /producten: the shared supplier and product records of all landscapes,
for logged-in municipal users and administrators."""

from django.db.models import Count
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers

from goedebuur.core.landscape.rules import normalize_name

from ..models import Product, Supplier
from .access import ProfileApiMixin


class SupplierSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    genormaliseerdeNaam = serializers.CharField(
        source="normalized_name", help_text="The key that makes spelling variants one supplier."
    )
    aantalProducten = serializers.IntegerField(source="product_count")

    class Meta:
        model = Supplier
        fields = ["id", "naam", "genormaliseerdeNaam", "aantalProducten"]
        ref_name = "Leverancier"


class ProductSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    leverancier = serializers.CharField(source="supplier.name")
    leverancierId = serializers.IntegerField(source="supplier_id")
    aantalGemeenten = serializers.IntegerField(
        source="municipality_count", help_text="Municipalities with this product in their landscape."
    )

    class Meta:
        model = Product
        fields = ["id", "naam", "leverancier", "leverancierId", "aantalGemeenten"]
        ref_name = "Product"


SEARCH_PARAMETER = OpenApiParameter(
    "zoek",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    description="Part of the name (spelling variants match).",
)


@extend_schema(tags=["profielen"])
class SupplierListView(ProfileApiMixin, generics.ListAPIView):
    serializer_class = SupplierSerializer

    def get_queryset(self):
        qs = Supplier.objects.annotate(product_count=Count("products")).order_by("name", "pk")
        query = normalize_name(self.request.query_params.get("zoek", ""))
        return qs.filter(normalized_name__contains=query) if query else qs

    @extend_schema(
        summary="Suppliers",
        description="The shared supplier records, by name, paginated. For logged-in municipal users.",
        parameters=[SEARCH_PARAMETER],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(tags=["profielen"])
class ProductListView(ProfileApiMixin, generics.ListAPIView):
    serializer_class = ProductSerializer

    def get_queryset(self):
        qs = (
            Product.objects.select_related("supplier")
            .annotate(municipality_count=Count("applications__municipality", distinct=True))
            .order_by("name", "pk")
        )
        query = normalize_name(self.request.query_params.get("zoek", ""))
        return qs.filter(normalized_name__contains=query) if query else qs

    @extend_schema(
        summary="Products",
        description="The shared product records with their supplier, by name, paginated. For logged-in "
        "municipal users.",
        parameters=[SEARCH_PARAMETER],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


urlpatterns = [
    path("leveranciers", SupplierListView.as_view(), name="leverancier-list"),
    path("producten", ProductListView.as_view(), name="product-list"),
]
