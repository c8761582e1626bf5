<?php

declare(strict_types=1);

namespace Embott\Exception;

/** The server sent a cursor (or link) already visited: following it would loop forever. */
class PaginationCycleException extends SdkException
{
}
