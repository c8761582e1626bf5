<?php

declare(strict_types=1);

namespace Embott\Exception;

/** A stream ended before its final event: the connection closed early, so the result is incomplete. */
class StreamTruncatedException extends ConnectionException
{
}
