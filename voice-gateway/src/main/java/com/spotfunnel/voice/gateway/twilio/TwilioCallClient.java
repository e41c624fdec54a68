package com.spotfunnel.voice.gateway.twilio;

import com.spotfunnel.voice.gateway.config.GatewayConfig;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Live-call control through the Twilio REST API: replaces a call's TwiML (fallback message, transfer,
 * hang-up). Runs off the event loop, retried briefly; every timing is overridable as
 * {@code quarkus.fault-tolerance."com.spotfunnel.voice.gateway.twilio.TwilioCallClient/updateTwiml".*}.
 */
@ApplicationScoped
public class TwilioCallClient {

    private final TwilioRestClient client;

    public TwilioCallClient(GatewayConfig config) {
        GatewayConfig.Twilio twilio = config.twilio();
        this.client = new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken())
                .httpClient(new BaseUrlHttpClient(
                        twilio.apiBaseUrl().orElse(null), twilio.connectTimeout(), twilio.readTimeout()))
                .build();
    }

    @Asynchronous
    @Retry(
            maxRetries = 3,
            delay = 300,
            jitter = 100,
            maxDuration = 10,
            durationUnit = ChronoUnit.SECONDS,
            abortOn = CallNotUpdatableException.class)
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    public CompletionStage<Void> updateTwiml(String callSid, String twiml) {
        try {
            Call.updater(callSid).setTwiml(twiml).update(client);
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status != null && status >= 400 && status < 500 && status != 429) {
                throw new CallNotUpdatableException("Twilio refused the update: " + status + " code " + e.getCode(), e);
            }
            throw e;
        }
        return CompletableFuture.completedFuture(null);
    }
}
