"""The REST API at ``/api/v1/``: django-ninja routers, one module per domain (``routers/``).

The API is another door to the same house: its operations read through the apps' selectors and
write through their services, with the rights of the pages (docs/api.md).
"""
