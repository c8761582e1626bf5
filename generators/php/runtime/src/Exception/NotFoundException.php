<?php

declare(strict_types=1);

namespace Embott\Exception;

/** HTTP 404: The resource does not exist (or belongs to another workspace). */
class NotFoundException extends ApiException
{
}
