<?php

declare(strict_types=1);

// The conformance runner loads the SDK like the package's own tests do.
require dirname(__DIR__) . '/bootstrap.php';
