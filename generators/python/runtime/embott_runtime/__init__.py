"""The hand-written runtime every generated Embott SDK package ships (copied in as `<package>._runtime`)."""

from .client import AsyncAPIClient, RequestSpec, SyncAPIClient, client_options
from .config import ClientInfo
from .errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    InvalidWebhookSignatureError,
    NotFoundError,
    PaginationCycleError,
    PermissionDeniedError,
    RateLimitError,
    RateLimitInfo,
    SDKError,
    StreamTruncatedError,
    UnprocessableEntityError,
)
from .models import BaseModel
from .pagination import AsyncPage, AsyncPaginator, PaginationDescriptor, SyncPage
from .resource import AsyncAPIResource, SyncAPIResource
from .response import APIResponse, async_to_raw_response_wrapper, to_raw_response_wrapper
from .serialize import path_param
from .streaming import AsyncStream, StreamSpec, SyncStream
from .types import NOT_GIVEN, NotGiven, RequestOptions, Timeout, is_given, strip_not_given
from .webhooks import SignatureScheme

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAPIClient",
    "AsyncAPIResource",
    "AsyncPage",
    "AsyncPaginator",
    "AsyncStream",
    "AuthenticationError",
    "BadRequestError",
    "BaseModel",
    "ClientInfo",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "InvalidWebhookSignatureError",
    "NotFoundError",
    "NotGiven",
    "PaginationCycleError",
    "PaginationDescriptor",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimitInfo",
    "RequestOptions",
    "RequestSpec",
    "SDKError",
    "SignatureScheme",
    "StreamSpec",
    "StreamTruncatedError",
    "SyncAPIClient",
    "SyncAPIResource",
    "SyncPage",
    "SyncStream",
    "Timeout",
    "UnprocessableEntityError",
    "async_to_raw_response_wrapper",
    "client_options",
    "is_given",
    "path_param",
    "strip_not_given",
    "to_raw_response_wrapper",
]
