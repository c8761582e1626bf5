<?php

declare(strict_types=1);

namespace Embott\Exception;

/** A parameter or option is missing, unknown or unusable; thrown before any request is sent. */
class InvalidArgumentException extends \InvalidArgumentException implements EmbottException
{
    use HidesTrace;

    public function __construct(string $message, private readonly ?string $param = null)
    {
        parent::__construct($message);
    }

    /** The parameter or option at fault, as you spelled it (or should have). */
    public function getParam(): ?string
    {
        return $this->param;
    }
}
