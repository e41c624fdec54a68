package com.spotfunnel.voice.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@link WholeCallE2ETest}'s voice stack (settings of the packaged gateway and pipeline, tenants, the providers' and
 * Twilio's wire formats) for suites in other packages; one definition, not a copy.
 */
public final class WholeCallFakes {

    public static final String ACCOUNT_SID = WholeCallE2ETest.ACCOUNT_SID;
    public static final String AUTH_TOKEN = WholeCallE2ETest.AUTH_TOKEN;

    private WholeCallFakes() {}

    /** The broker the stack's settings and tenant publishing use. */
    public static void useKafka(String bootstrapServers) {
        WholeCallE2ETest.kafka = bootstrapServers;
    }

    /** The fake Twilio REST API the gateways are pointed at (null when the suite is done). */
    public static void useTwilio(WireMockServer twilio) {
        WholeCallE2ETest.twilio = twilio;
    }

    public static Map<String, String> pipelineEnv(String providerUrl) {
        return WholeCallE2ETest.pipelineEnv(providerUrl);
    }

    public static Map<String, String> gatewayEnv(int port, ServiceProcess pipeline, Path tenantsFile) {
        return WholeCallE2ETest.gatewayEnv(port, pipeline, tenantsFile);
    }

    public static TenantConfig tenant(String id, String number, String transferNumber) {
        return WholeCallE2ETest.tenant(id, number, transferNumber);
    }

    public static void publish(List<TenantConfig> tenants) throws Exception {
        WholeCallE2ETest.publish(tenants);
    }

    public static byte[] tenantsJson(List<TenantConfig> tenants) {
        return WholeCallE2ETest.tenantsJson(tenants);
    }

    public static MappingBuilder openAi() {
        return WholeCallE2ETest.openAi();
    }

    public static ResponseDefinitionBuilder sse(String body) {
        return WholeCallE2ETest.sse(body);
    }

    public static String openAiSse(String... parts) {
        return WholeCallE2ETest.openAiSse(parts);
    }

    public static Map<String, String> form(LoggedRequest request) {
        return WholeCallE2ETest.form(request);
    }

    public static String unescapeXml(String xml) {
        return WholeCallE2ETest.unescapeXml(xml);
    }
}
