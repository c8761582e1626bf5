# frozen_string_literal: true

# The hand-written runtime of the SDK: transport, retries, errors, models, pagination, streaming, webhooks.
require_relative "errors"
require_relative "internal/clock"
require_relative "internal/redactor"
require_relative "internal/retry_policy"
require_relative "internal/query"
require_relative "internal/connection_pool"
require_relative "internal/error_factory"
require_relative "internal/transport"
require_relative "internal/sse_parser"
require_relative "internal/page_styles"
require_relative "model"
require_relative "page"
require_relative "stream"
require_relative "webhook_signature"
require_relative "resource"
require_relative "base_client"
