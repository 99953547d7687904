"""/docs: the API reference as a plain page built from the OpenAPI document (no CDN, no script).

FastAPI's own docs page loads Swagger UI from a CDN and starts it with an inline script; both
break offline and under our Content-Security-Policy, so the same OpenAPI document is shown here.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from claimledger.serve.app import site_of

router = APIRouter(include_in_schema=False)


def _schema_type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_schema_type(s) for s in schema["anyOf"])
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    return str(schema.get("type", "any"))


def endpoints(openapi: dict[str, Any]) -> list[dict[str, Any]]:
    """Each operation of the OpenAPI document: method, path, summary, description, parameters and body."""
    out = []
    schemas = openapi.get("components", {}).get("schemas", {})
    for path, operations in openapi.get("paths", {}).items():
        for method, op in operations.items():
            params = [
                {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                 "type": _schema_type(p.get("schema", {})), "description": p.get("description", ""),
                 "default": p.get("schema", {}).get("default")}
                for p in op.get("parameters", [])
            ]
            body = None
            content = op.get("requestBody", {}).get("content", {}).get("application/json")
            if content:
                name = _schema_type(content["schema"])
                fields = schemas.get(name, {}).get("properties", {})
                required = set(schemas.get(name, {}).get("required", []))
                body = [{"name": k, "type": _schema_type(v), "required": k in required,
                         "description": v.get("description", "")} for k, v in fields.items()]
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params, "body": body})
    return out


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> Any:
    """The API reference."""
    openapi = request.app.openapi()
    return site_of(request).render("docs.html", info=openapi.get("info", {}), endpoints=endpoints(openapi),
                                   active="api")
