<?php

declare(strict_types=1);

namespace Embott\Exception;

/** HTTP 409: The resource's state conflicts with the request, or an Idempotency-Key was reused with another body. */
class ConflictException extends ApiException
{
}
