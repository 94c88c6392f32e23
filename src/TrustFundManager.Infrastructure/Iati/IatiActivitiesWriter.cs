using System.Globalization;
using System.Text;
using System.Xml;

namespace TrustFundManager.Infrastructure.Iati;

/// <summary>
/// Writes an <see cref="IatiDocument"/> as IATI 2.03 activity XML, UTF-8 without a byte-order mark. Elements come in
/// the order of <c>iati-activities-schema.xsd</c>'s sequences (the schema refuses any other order); amounts are exact,
/// in the invariant culture, without thousands separators.
/// </summary>
public static class IatiActivitiesWriter
{
    public const string Version = "2.03";
    public const string ContentType = "application/xml; charset=utf-8";

    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        CheckCharacters = true,
    };

    public static byte[] ToBytes(IatiDocument document)
    {
        using var stream = new MemoryStream();
        Write(stream, document);
        return stream.ToArray();
    }

    public static void Write(Stream stream, IatiDocument document)
    {
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("iati-activities");
        xml.WriteAttributeString("version", Version);
        xml.WriteAttributeString("generated-datetime", DateTime(document.GeneratedAt));
        foreach (var activity in document.Activities) WriteActivity(xml, activity);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteActivity(XmlWriter xml, IatiActivity activity)
    {
        xml.WriteStartElement("iati-activity");
        if (activity.LastUpdatedAt is { } updated) xml.WriteAttributeString("last-updated-datetime", DateTime(updated));
        xml.WriteAttributeString("xml", "lang", XmlNamespace, activity.Language);
        xml.WriteAttributeString("default-currency", activity.DefaultCurrency);
        xml.WriteAttributeString("hierarchy", activity.Hierarchy.ToString(CultureInfo.InvariantCulture));

        xml.WriteElementString("iati-identifier", Clean(activity.Identifier));
        xml.WriteStartElement("reporting-org");
        xml.WriteAttributeString("ref", activity.ReportingOrg.Ref ?? string.Empty);
        xml.WriteAttributeString("type", activity.ReportingOrg.Type ?? string.Empty);
        Narrative(xml, activity.ReportingOrg.Name);
        xml.WriteEndElement();
        TextElement(xml, "title", activity.Title);
        xml.WriteStartElement("description");
        xml.WriteAttributeString("type", "1");
        Narrative(xml, activity.Description);
        xml.WriteEndElement();

        foreach (var participant in activity.ParticipatingOrgs)
        {
            xml.WriteStartElement("participating-org");
            Attribute(xml, "ref", participant.Organisation.Ref);
            Attribute(xml, "type", participant.Organisation.Type);
            xml.WriteAttributeString("role", Code(participant.Role));
            Attribute(xml, "activity-id", participant.ActivityId);
            Narrative(xml, participant.Organisation.Name);
            xml.WriteEndElement();
        }

        CodeElement(xml, "activity-status", Code(activity.Status));
        foreach (var date in activity.Dates)
        {
            xml.WriteStartElement("activity-date");
            xml.WriteAttributeString("type", Code(date.Type));
            xml.WriteAttributeString("iso-date", Date(date.Date));
            xml.WriteEndElement();
        }

        foreach (var country in activity.RecipientCountries)
        {
            xml.WriteStartElement("recipient-country");
            xml.WriteAttributeString("code", country.Code);
            xml.WriteAttributeString("percentage", Percentage(country.Percentage));
            if (country.Name is not null) Narrative(xml, country.Name);
            xml.WriteEndElement();
        }
        foreach (var region in activity.RecipientRegions)
        {
            xml.WriteStartElement("recipient-region");
            xml.WriteAttributeString("code", region.Code);
            xml.WriteAttributeString("vocabulary", region.Vocabulary);
            xml.WriteAttributeString("percentage", Percentage(region.Percentage));
            if (region.Name is not null) Narrative(xml, region.Name);
            xml.WriteEndElement();
        }
        foreach (var sector in activity.Sectors)
        {
            xml.WriteStartElement("sector");
            xml.WriteAttributeString("vocabulary", sector.Vocabulary);
            xml.WriteAttributeString("code", sector.Code);
            xml.WriteAttributeString("percentage", Percentage(sector.Percentage));
            xml.WriteEndElement();
        }

        foreach (var budget in activity.Budgets)
        {
            xml.WriteStartElement("budget");
            xml.WriteAttributeString("type", budget.Type.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("status", budget.Status.ToString(CultureInfo.InvariantCulture));
            DateElement(xml, "period-start", budget.PeriodStart);
            DateElement(xml, "period-end", budget.PeriodEnd);
            Value(xml, budget.Value, budget.ValueDate);
            xml.WriteEndElement();
        }

        foreach (var transaction in activity.Transactions) WriteTransaction(xml, transaction);

        foreach (var related in activity.RelatedActivities)
        {
            xml.WriteStartElement("related-activity");
            xml.WriteAttributeString("ref", Clean(related.Identifier));
            xml.WriteAttributeString("type", Code(related.Type));
            xml.WriteEndElement();
        }

        WriteResults(xml, activity.Results);
        xml.WriteEndElement();
    }

    private static void WriteTransaction(XmlWriter xml, IatiTransaction transaction)
    {
        xml.WriteStartElement("transaction");
        CodeElement(xml, "transaction-type", Code(transaction.Type));
        DateElement(xml, "transaction-date", transaction.Date);
        Value(xml, transaction.Value, transaction.ValueDate);
        if (transaction.Description is not null) TextElement(xml, "description", transaction.Description);
        TransactionOrg(xml, "provider-org", "provider-activity-id", transaction.Provider, transaction.ProviderActivityId);
        TransactionOrg(xml, "receiver-org", "receiver-activity-id", transaction.Receiver, transaction.ReceiverActivityId);
        xml.WriteEndElement();
    }

    private static void TransactionOrg(XmlWriter xml, string element, string activityAttribute, IatiOrganisation? organisation,
        string? activityId)
    {
        if (organisation is null) return;
        xml.WriteStartElement(element);
        Attribute(xml, "ref", organisation.Ref);
        Attribute(xml, activityAttribute, activityId);
        Attribute(xml, "type", organisation.Type);
        Narrative(xml, organisation.Name);
        xml.WriteEndElement();
    }

    /// <summary>
    /// The <c>result</c> elements of an activity, which the schema places after <c>related-activity</c> and the
    /// conditions. A result without an indicator is left out: the schema requires at least one.
    /// </summary>
    public static void WriteResults(XmlWriter xml, IReadOnlyList<IatiResult> results)
    {
        foreach (var result in results.Where(r => r.Indicators.Count > 0))
        {
            xml.WriteStartElement("result");
            xml.WriteAttributeString("type", ((int)result.Type).ToString(CultureInfo.InvariantCulture));
            TextElement(xml, "title", result.Title);
            if (!string.IsNullOrWhiteSpace(result.Description)) TextElement(xml, "description", result.Description);
            foreach (var indicator in result.Indicators) WriteIndicator(xml, indicator);
            xml.WriteEndElement();
        }
    }

    private static void WriteIndicator(XmlWriter xml, IatiIndicator indicator)
    {
        var quantitative = indicator.Measure != IatiIndicatorMeasure.Qualitative;
        xml.WriteStartElement("indicator");
        xml.WriteAttributeString("measure", ((int)indicator.Measure).ToString(CultureInfo.InvariantCulture));
        if (indicator.Ascending is { } ascending) xml.WriteAttributeString("ascending", ascending ? "1" : "0");
        TextElement(xml, "title", indicator.Title);
        if (!string.IsNullOrWhiteSpace(indicator.Description)) TextElement(xml, "description", indicator.Description);

        if (indicator.Baseline is { } baseline)
        {
            xml.WriteStartElement("baseline");
            xml.WriteAttributeString("year", baseline.Year.ToString(CultureInfo.InvariantCulture));
            if (baseline.Date is { } date) xml.WriteAttributeString("iso-date", Date(date));
            if (quantitative && baseline.Value is { } value) xml.WriteAttributeString("value", Number(value));
            if (!string.IsNullOrWhiteSpace(baseline.Comment)) TextElement(xml, "comment", baseline.Comment);
            xml.WriteEndElement();
        }

        foreach (var period in indicator.Periods)
        {
            xml.WriteStartElement("period");
            DateElement(xml, "period-start", period.Start);
            DateElement(xml, "period-end", period.End);
            PeriodValue(xml, "target", quantitative ? period.Target : null, period.TargetComment);
            PeriodValue(xml, "actual", quantitative ? period.Actual : null, period.ActualComment);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void PeriodValue(XmlWriter xml, string element, decimal? value, string? comment)
    {
        if (value is null && string.IsNullOrWhiteSpace(comment)) return;
        xml.WriteStartElement(element);
        if (value is { } number) xml.WriteAttributeString("value", Number(number));
        if (!string.IsNullOrWhiteSpace(comment)) TextElement(xml, "comment", comment);
        xml.WriteEndElement();
    }

    private static void Value(XmlWriter xml, decimal value, DateOnly valueDate)
    {
        xml.WriteStartElement("value");
        xml.WriteAttributeString("value-date", Date(valueDate));
        xml.WriteString(Amount(value));
        xml.WriteEndElement();
    }

    private static void TextElement(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name);
        Narrative(xml, text);
        xml.WriteEndElement();
    }

    private static void Narrative(XmlWriter xml, string text) => xml.WriteElementString("narrative", Clean(text));

    private static void CodeElement(XmlWriter xml, string name, string code)
    {
        xml.WriteStartElement(name);
        xml.WriteAttributeString("code", code);
        xml.WriteEndElement();
    }

    private static void DateElement(XmlWriter xml, string name, DateOnly date)
    {
        xml.WriteStartElement(name);
        xml.WriteAttributeString("iso-date", Date(date));
        xml.WriteEndElement();
    }

    private static void Attribute(XmlWriter xml, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) xml.WriteAttributeString(name, Clean(value));
    }

    private static string Code<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    /// <summary>An amount as it is stored: cents shown with two decimals, never rounded, no thousands separators.</summary>
    public static string Amount(decimal value) =>
        value == decimal.Round(value, 2) ? value.ToString("F2", CultureInfo.InvariantCulture) : Number(value);

    /// <summary>A decimal without trailing zeros, never rounded (a decimal has at most 28 decimals).</summary>
    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Percentage(decimal value) => Number(value);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DateTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Text without the characters XML 1.0 cannot carry (control characters, unpaired surrogates), which a title or
    /// summary pasted from elsewhere may hold; markup characters are escaped by the writer.
    /// </summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) clean.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
        }
        return clean.ToString();
    }
}
