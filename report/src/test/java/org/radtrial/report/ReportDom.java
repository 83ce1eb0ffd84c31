package org.radtrial.report;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** A report parsed as XML (it is written as polyglot XHTML), queried with XPath. */
final class ReportDom {
  private final Document document;

  ReportDom(String html) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("the report is not well-formed: " + e.getMessage(), e);
    }
  }

  /** The whitespace-normalized text of every node the expression selects. */
  List<String> texts(String xpath) {
    try {
      NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
      List<String> texts = new ArrayList<>();
      for (int k = 0; k < nodes.getLength(); k++) {
        texts.add(nodes.item(k).getTextContent().replaceAll("\\s+", " ").trim());
      }
      return texts;
    } catch (XPathExpressionException e) {
      throw new AssertionError("bad XPath " + xpath, e);
    }
  }

  String text(String xpath) {
    List<String> texts = texts(xpath);
    if (texts.size() != 1) {
      throw new AssertionError(xpath + " selects " + texts.size() + " nodes: " + texts);
    }
    return texts.get(0);
  }

  int count(String xpath) {
    return texts(xpath).size();
  }
}
