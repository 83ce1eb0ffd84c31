package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.radtrial.report.ChecklistSection.Item;
import org.radtrial.report.ChecklistSection.Status;

/**
 * The checklist topics of {@link ChecklistSection} for a reader study ('radtrial mrmc'): the same
 * topics and official item numbers (every CLAIM 2024 and TRIPOD+AI item once), filled with what a
 * reader study's results.json knows.
 */
final class ReaderStudyChecklist {
  private ReaderStudyChecklist() {}

  static List<Item> items(Results results) {
    Mrmc m = new Mrmc(results);
    JsonNode provenance = results.get("provenance");
    String modalities = String.join(", ", m.modalities());
    boolean ai = !m.standalone().isEmpty();
    List<Item> items = new ArrayList<>();
    items.add(new Item("Title and abstract", "1, 2", "1, 2", Status.AUTHORS, "Name the study as a multi-reader"
        + " multi-case reader study of " + modalities + "; a structured abstract can start from the key findings."));
    items.add(new Item("Background, intended use, health inequalities", "3", "3a, 3b, 3c", Status.AUTHORS,
        "Clinical context, intended users and role of the AI in reading, known inequalities between groups."));
    items.add(new Item("Objectives and hypotheses", "4", "4", Status.PARTLY, "A comparison of " + modalities + " by "
        + m.readers().size() + " readers" + (ai ? ", and of the readers with " + m.standalone() + " alone" : "")
        + ". State the hypotheses and any non-inferiority margin."));
    items.add(new Item("Study design and goal", "5, 6", "", Status.PARTLY, (m.splitPlot() ? "Split-plot" : "Fully crossed")
        + " reader study. State how readers and cases were sampled, the reading sessions, washout and order."));
    items.add(new Item("Data sources, dates, setting, eligibility", "7, 8", "5a, 5b, 6a, 6b", Status.PARTLY,
        "Ratings file " + Json.text(provenance, "input_file") + " (SHA-256 " + Json.text(provenance, "input_sha256") + "), "
            + Fmt.count(m.cases()) + " cases. Add the source, dates, centres and inclusion criteria of cases and readers."));
    items.add(new Item("Treatments", "", "6c", Status.AUTHORS, "If relevant, treatments received before the reference standard."));
    items.add(new Item("Preprocessing, de-identification, acquisition, subsets", "9, 10, 11, 13", "7", Status.AUTHORS,
        "How images were acquired, processed, de-identified and shown to the readers."));
    items.add(new Item("Missing data", "12", "11", Status.FILLED, "None: radtrial requires every reader to rate every case"
        + (m.splitPlot() ? " of his block" : "") + " in every modality, and refuses the study otherwise."));
    items.add(new Item("Reference standard and annotation", "14, 15, 16, 17, 18", "8a, 8b, 8c", Status.AUTHORS,
        "How the truth of each case was established, by whom, blinded to what."));
    items.add(new Item("Data partitions", "19, 20", "12a", Status.PARTLY, "All " + Fmt.count(m.cases()) + " cases form"
        + " one test set: radtrial trains nothing. State that no case was used to develop the AI."));
    items.add(new Item("Sample size", "21", "10", Status.PARTLY, Fmt.count(m.positives()) + " cases with and "
        + Fmt.count(m.negatives()) + " without disease, " + m.readers().size() + " readers" + (m.get("sample_size").isObject()
        ? "; the cases a new study needs are under Reader study" : "") + ". Explain how the size was arrived at."));
    items.add(new Item("Model description, software, training, selection, ensembling", "22, 23, 24, 25, 26, 27",
        "9a, 12b, 12c, 13, 22", Status.AUTHORS, "Name the AI product and version used in reading"
            + (ai ? " and scored alone" : "") + "."));
    items.add(new Item("Model inputs (predictors)", "", "9b, 9c", Status.AUTHORS, "The images and any other inputs the AI"
        + " used, and what the readers saw of its output."));
    items.add(new Item("How predictions were obtained", "", "12g", Status.PARTLY, "Ratings were read from "
        + Json.text(provenance, "input_file") + (ai ? "; " + m.standalone() + "'s ratings are its own scores" : "")
        + ". Add how the AI's output was produced and shown."));
    items.add(new Item("Model output and thresholds", "", "15", Status.FILLED, "Ratings analysed as ROC data (AUC)"
        + (m.analyses().size() > 1 ? ", and dichotomised at the rating cut for sensitivity and specificity" : "") + "."));
    items.add(new Item("Readers", "", "", Status.PARTLY, m.readers().size() + " readers (" + String.join(", ", m.readers())
        + "). Add their experience, training with the AI and how they were recruited."));
    items.add(new Item("Performance measures and statistical methods", "28, 29", "12e", Status.FILLED,
        "AUC per reader and modality; Obuchowski-Rockette analysis with Hillis's df (" + m.covariance() + " covariances)"
            + " for random readers and cases, fixed readers and fixed cases" + (m.splitPlot() ? "" : ", with DBM alongside")
            + (m.analyses().size() > 1 ? "; sensitivity and specificity at a rating cut" : "") + " (see Methods)."));
    items.add(new Item("Robustness or sensitivity analysis", "30", "", Status.PARTLY, "Three generalizations (random or"
        + " fixed readers and cases)" + (m.splitPlot() ? "" : " and two methods (OR, DBM)") + ". Add any other analyses."));
    items.add(new Item("Explainability", "31", "", Status.AUTHORS, "Any explanation the AI showed the readers, and how it"
        + " was checked."));
    items.add(new Item("Internal or external evaluation; differences from development data", "32, 33", "16, 20c",
        Status.AUTHORS, "State whether these cases are external to the AI's development data and how they differ."));
    items.add(new Item("Heterogeneity across clusters (sites, vendors)", "", "12d, 23b", Status.AUTHORS,
        "Reader studies are rarely large enough per site; say how cases were spread over sites and vendors."));
    items.add(new Item("Fairness", "", "14", Status.AUTHORS, "Any analysis by patient group ('radtrial audit' needs one"
        + " table of cases)."));
    items.add(new Item("Model updating and recalibration", "", "12f, 24", Status.AUTHORS, "radtrial does not update the AI;"
        + " report any updating done."));
    items.add(new Item("Ethics approval and consent", "", "17", Status.AUTHORS, "Ethics committee and consent or waiver."));
    items.add(new Item("Registration and protocol", "34, 42", "18c, 18d", Status.AUTHORS, "Registry and number, where the"
        + " protocol can be read."));
    items.add(new Item("Funding and conflicts of interest", "44", "18a, 18b", Status.AUTHORS, "Funding, funders' role, and"
        + " each author's interests, including in the AI's vendor."));
    items.add(new Item("Data and code availability", "43", "18e, 18f", Status.PARTLY, "Analysis: radtrial "
        + Json.text(provenance, "radtrial_version") + ", command under Methods, input SHA-256 "
        + Json.text(provenance, "input_sha256") + ". State whether the ratings can be shared."));
    items.add(new Item("Patient and public involvement", "", "19", Status.AUTHORS, "Any involvement, or state none."));
    items.add(new Item("Flow of cases and readers", "35", "20a, 21", Status.PARTLY, Fmt.count(m.cases()) + " cases and "
        + m.readers().size() + " readers analysed. Add exclusions made before the ratings file and a flow diagram."));
    items.add(new Item("Characteristics of the cases", "36", "20b", Status.AUTHORS, "Tabulate the cases' characteristics"
        + " (a ratings file has none)."));
    items.add(new Item("Performance estimates with their precision", "37, 38", "23a", Status.FILLED,
        "Every reader and modality, every difference" + (ai ? " and the AI alone" : "") + " with its " + results.level()
            + " confidence interval."));
    items.add(new Item("Failure analysis of incorrectly classified cases", "39", "", Status.AUTHORS, "Review the cases most"
        + " readers missed or called falsely, unaided and AI-aided."));
    items.add(new Item("Interpretation, limitations, implications, usability", "40, 41", "25, 26, 27a, 27b, 27c",
        Status.AUTHORS, "The key findings state what the intervals show; add interpretation, limitations (reader and case"
            + " sampling, laboratory effect, reference standard) and next steps."));
    return items;
  }
}
