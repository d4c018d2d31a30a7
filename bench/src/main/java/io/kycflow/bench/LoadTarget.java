package io.kycflow.bench;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * One endpoint under load: where to POST and with which headers. Both targets receive the same
 * startKYCAgentJob body, so they read the same number of bytes per request.
 */
record LoadTarget(String name, InetSocketAddress address, String path, Map<String, String> headers) {
}
