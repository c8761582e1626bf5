<?php

/** What a failed call tells you: the typed exception, its status, the error's code, type and parameter, the request id. */

declare(strict_types=1);

use Embott\Client;
use Embott\Exception\ApiException;
use Embott\Exception\NotFoundException;

$client = new Client(getenv('EMBOTT_API_KEY'));

try {
    $client->bots->get(['bot_id' => 'bot_doesnotexist']);
} catch (NotFoundException $error) {
    printf(
        "%d %s (%s), request %s\n",
        $error->getStatusCode(),
        $error->getErrorCode() ?? '-',
        $error->getErrorType() ?? '-',
        $error->getRequestId() ?? '-',
    );
}

try {
    $client->bots->create(['name' => '']);
} catch (ApiException $error) {
    printf("%d %s, parameter %s\n", $error->getStatusCode(), $error->getErrorCode() ?? '-', $error->getParam() ?? '-');
    echo $error->getMessage(), "\n";
}
