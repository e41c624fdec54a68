package com.spotfunnel.voice.simulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the gateway's TwiML answer tells Twilio: connect a Media Stream (its URL and parameters), or say
 * something and hang up.
 */
public record StreamInstructions(
        Optional<String> streamUrl, Map<String, String> parameters, String said, boolean hangsUp) {

    public static StreamInstructions parse(String twiml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)));
            NodeList streams = doc.getElementsByTagName("Stream");
            Optional<String> url = streams.getLength() == 0
                    ? Optional.empty()
                    : Optional.of(((Element) streams.item(0)).getAttribute("url"));
            Map<String, String> parameters = new LinkedHashMap<>();
            NodeList params = doc.getElementsByTagName("Parameter");
            for (int i = 0; i < params.getLength(); i++) {
                Element p = (Element) params.item(i);
                parameters.put(p.getAttribute("name"), p.getAttribute("value"));
            }
            NodeList says = doc.getElementsByTagName("Say");
            String said =
                    says.getLength() == 0 ? "" : says.item(0).getTextContent().trim();
            return new StreamInstructions(
                    url, parameters, said, doc.getElementsByTagName("Hangup").getLength() > 0);
        } catch (Exception e) {
            throw new IllegalStateException("The gateway did not answer with TwiML: " + e.getMessage(), e);
        }
    }
}
