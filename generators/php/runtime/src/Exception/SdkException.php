<?php

declare(strict_types=1);

namespace Embott\Exception;

/** A problem the SDK found on its own (an unusable response, a misuse of a page or stream). */
class SdkException extends \RuntimeException implements EmbottException
{
    use HidesTrace;
}
