"""Small shared FastAPI dependencies."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.records.cache import ContentCache
from api.settings import Settings


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_content_cache(request: Request) -> ContentCache:
    return request.app.state.content_cache


CacheDep = Annotated[ContentCache, Depends(get_content_cache)]
