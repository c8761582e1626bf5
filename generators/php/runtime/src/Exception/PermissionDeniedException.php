<?php

declare(strict_types=1);

namespace Embott\Exception;

/** HTTP 403: the API key lacks a scope the operation needs. */
class PermissionDeniedException extends ApiException
{
    /** The scope the key lacks (e.g. `bots:write`), read from the error message. */
    public function getMissingScope(): ?string
    {
        $message = $this->getErrorMessage() ?? '';
        return preg_match("/scope '([^']+)'/", $message, $match) === 1 ? $match[1] : null;
    }
}
