package io.copyjob.storage.delta;

import io.copyjob.ConnectorSpec;
import io.copyjob.testkit.AzuriteServer;

/**
 * The Delta contract on Azure Blob Storage (Azurite): log commits with {@code If-None-Match: *} uploads. ADLS Gen2
 * accounts are reached through their blob endpoint for Delta tables (see the README).
 */
class DeltaAzureIT extends DeltaCopyContract {
  @Override
  ConnectorSpec lake(String test) {
    return DeltaLocation.builder(AzuriteServer.blobUrl(AzuriteServer.newContainer("delta-" + test), "lake"))
        .option("azure.endpoint", AzuriteServer.endpoint()).option("azure.accountKey", AzuriteServer.KEY).build();
  }
}
