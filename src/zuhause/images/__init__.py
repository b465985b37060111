"""The image pipeline: every picture a site publishes is found, planned, processed (upright,
sRGB, without metadata, resized to the theme's widths, WebP plus JPEG or PNG), cached between
builds and shown as a `<picture>`."""

from __future__ import annotations

from .cache import ImageCache
from .catalog import ImageCatalog, ImageRef, find_image, image_problem
from .markup import Shown, picture_html, plain_html
from .plan import COPY, OG, PICTURE, Job, Plan, Where
from .publish import ImageReport, publish_images
from .settings import ImageSettings
from .source import BadImage, is_image, is_raster, probe

__all__ = ["COPY", "OG", "PICTURE", "BadImage", "ImageCache", "ImageCatalog", "ImageRef",
           "ImageReport", "ImageSettings", "Job", "Plan", "Shown", "Where", "find_image",
           "image_problem", "is_image", "is_raster", "picture_html", "plain_html", "probe",
           "publish_images"]
