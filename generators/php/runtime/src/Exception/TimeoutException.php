<?php

declare(strict_types=1);

namespace Embott\Exception;

/** The request or a stream took longer than its timeout (or a stream stayed silent for its idle timeout). */
class TimeoutException extends ConnectionException
{
}
