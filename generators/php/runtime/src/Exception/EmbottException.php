<?php

declare(strict_types=1);

namespace Embott\Exception;

/** Every exception the SDK throws implements this interface: `catch (EmbottException $e)` catches them all. */
interface EmbottException extends \Throwable
{
}
