package io.kycflow.screening.lists;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small element subtree read from a StAX stream: lets a parser stream over a big document while handling
 * one record at a time as a tree.
 */
record XmlElement(String name, String text, List<XmlElement> elements) {

    /** Reads the element the reader is positioned on (START_ELEMENT) up to its END_ELEMENT. */
    static XmlElement read(XMLStreamReader xml) throws XMLStreamException {
        String name = xml.getLocalName();
        StringBuilder text = new StringBuilder();
        List<XmlElement> children = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                children.add(read(xml));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        String t = text.toString().strip();
        return new XmlElement(name, t.isEmpty() ? null : t, children);
    }

    /** This element's own text, null when empty. */
    @Override
    public String text() {
        return text;
    }

    /** Text of the first child with that name, null when absent or empty. */
    String text(String child) {
        for (XmlElement e : elements) {
            if (e.name.equals(child)) {
                return e.text;
            }
        }
        return null;
    }

    List<XmlElement> children(String child) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement e : elements) {
            if (e.name.equals(child)) {
                out.add(e);
            }
        }
        return out;
    }
}
