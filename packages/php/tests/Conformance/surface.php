<?php

declare(strict_types=1);

// Prints the SDK's public surface as JSON, { "<resource property>": ["<method>", …] }, for the parity check
// (scripts/conformance/parity.ts): every public property of the client holding a service, and the public
// methods of that service's classes below Embott\Core\Service.

require dirname(__DIR__) . '/bootstrap.php';

use Embott\Client;
use Embott\Core\Service;

$surface = [];
$client = new Client(['api_key' => 'sk_live_parity_0001', 'base_url' => 'http://127.0.0.1:9/v1']);
foreach ((new ReflectionObject($client))->getProperties(ReflectionProperty::IS_PUBLIC) as $property) {
    $service = $property->getValue($client);
    if (!$service instanceof Service) {
        continue;
    }
    $methods = [];
    $class = new ReflectionClass($service);
    for (; $class && $class->getName() !== Service::class; $class = $class->getParentClass()) {
        foreach ($class->getMethods(ReflectionMethod::IS_PUBLIC) as $method) {
            $own = $method->getDeclaringClass()->getName() === $class->getName();
            if ($own && !str_starts_with($method->getName(), '__')) {
                $methods[$method->getName()] = true;
            }
        }
    }
    $surface[$property->getName()] = array_keys($methods);
}
echo json_encode($surface, JSON_PRETTY_PRINT), "\n";
