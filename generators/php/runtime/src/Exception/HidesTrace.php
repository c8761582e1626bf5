<?php

declare(strict_types=1);

namespace Embott\Exception;

/**
 * Keeps `var_dump`/`print_r` of an exception to its own fields: the stack trace's arguments may hold the API key
 * (e.g. the client's constructor), so they are never dumped.
 */
trait HidesTrace
{
    /** @return array<string, mixed> */
    public function __debugInfo(): array
    {
        $info = ['message' => $this->getMessage(), 'file' => $this->getFile(), 'line' => $this->getLine()];
        foreach (get_object_vars($this) as $name => $value) {
            if (!in_array($name, ['message', 'string', 'code', 'file', 'line', 'trace', 'previous'], true)) {
                $info[$name] = $value;
            }
        }
        return $info;
    }
}
