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

/**
 * A report parsed as XML (it is written as polyglot XHTML), queried with XPath. Shared with the cli
 * module's tests through this module's test jar.
 */
public final class ReportDom {
  private final Document document;

  public ReportDom(String html) {
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
  /** Reads a report file. */
  public static ReportDom read(java.nio.file.Path file) {
    try {
      return new ReportDom(java.nio.file.Files.readString(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public List<String> texts(String xpath) {
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

  /** A table row: its header cell, its data cells and its class attribute. */
  public record Row(String header, List<String> cells, String cssClass) {}

  /** The rows the expression selects (each a {@code tr}), read in one pass. */
  public List<Row> rows(String xpath) {
    try {
      NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
      List<Row> rows = new ArrayList<>();
      for (int k = 0; k < nodes.getLength(); k++) {
        org.w3c.dom.Element tr = (org.w3c.dom.Element) nodes.item(k);
        String header = "";
        List<String> cells = new ArrayList<>();
        for (org.w3c.dom.Node cell = tr.getFirstChild(); cell != null; cell = cell.getNextSibling()) {
          String text = cell.getTextContent().replaceAll("\\s+", " ").trim();
          if (cell.getNodeName().equals("th")) {
            header = text;
          } else if (cell.getNodeName().equals("td")) {
            cells.add(text);
          }
        }
        rows.add(new Row(header, cells, tr.getAttribute("class")));
      }
      return rows;
    } catch (XPathExpressionException e) {
      throw new AssertionError("bad XPath " + xpath, e);
    }
  }

  public String text(String xpath) {
    List<String> texts = texts(xpath);
    if (texts.size() != 1) {
      throw new AssertionError(xpath + " selects " + texts.size() + " nodes: " + texts);
    }
    return texts.get(0);
  }

  public int count(String xpath) {
    return texts(xpath).size();
  }
}
