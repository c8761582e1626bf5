<?php

// Runs one repro case against an SDK emitted by generators/php/tools/emit-sdks.ts, in its own process (every repro
// SDK has the same root namespace). Reads {"case", "baseUrl", "sdk"} as JSON on stdin and prints what happened:
// {"value": …} (the result, items, events or base64 bytes) or {"error": {"at", "kind", …}}.
// Usage: php run-case.php < input.json

declare(strict_types=1);

$input = json_decode((string) stream_get_contents(STDIN), true, 512, JSON_THROW_ON_ERROR);
['case' => $case, 'baseUrl' => $baseUrl, 'sdk' => $dir] = $input;
$facts = json_decode((string) file_get_contents("$dir/sdk.json"), true, 512, JSON_THROW_ON_ERROR);
$namespace = $facts['namespace'] . '\\';
spl_autoload_register(static function (string $class) use ($namespace, $dir): void {
    $file = "$dir/src/" . str_replace('\\', '/', substr($class, strlen($namespace))) . '.php';
    if (str_starts_with($class, $namespace) && is_file($file)) {
        require $file;
    }
});

$report = static function (string $at, Throwable $error) use ($namespace): never {
    $api = $namespace . 'Exception\\ApiException';
    $kind = match (true) {
        $error instanceof ($namespace . 'Exception\\InvalidArgumentException') => 'config',
        $error instanceof ($namespace . 'Exception\\ConflictException') => 'conflict',
        $error instanceof $api => 'api',
        default => 'other',
    };
    $fields = $error instanceof $api ? [
        'status' => $error->getStatusCode(),
        'code' => $error->getErrorCode(),
        'param' => $error->getParam(),
        'requestId' => $error->getRequestId(),
    ] : [];
    $out = ['at' => $at, 'kind' => $kind, 'class' => $error::class, 'message' => $error->getMessage()] + $fields;
    echo json_encode(['error' => $out], JSON_THROW_ON_ERROR);
    exit(0);
};

$options = ['base_url' => $baseUrl, 'max_retries' => 0];
foreach ($case['credentials'] ?? [] as $scheme => $value) {
    $options[$facts['credentials'][$scheme]] = $value;
}
$env = $case['env'] ?? [];
foreach ($env as $name => $value) {
    putenv("$name=$value");
}
try {
    $clientClass = $namespace . 'Client';
    $client = new $clientClass($options);
} catch (Throwable $error) {
    $report('construct', $error);
} finally {
    foreach (array_keys($env) as $name) {
        putenv($name);
    }
}

$method = $facts['methods'][$case['call']['method']];
$target = $client;
foreach ($method['path'] as $property) {
    $target = $target->{$property};
}
try {
    $result = $target->{$method['name']}($case['call']['args']);
    $value = match ($case['mode']) {
        'iterate', 'stream' => iterator_to_array($result, false),
        'bytes' => base64_encode($result),
        default => $result,
    };
} catch (Throwable $error) {
    $report('call', $error);
}
echo json_encode(['value' => $value], JSON_THROW_ON_ERROR);
