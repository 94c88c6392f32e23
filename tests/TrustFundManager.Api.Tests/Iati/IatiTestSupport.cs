using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace TrustFundManager.Api.Tests.Iati;

/// <summary>The IATI activity file as a publisher would check it: fetched, schema-validated, read.</summary>
internal static class IatiTestSupport
{
    public const string Path = "/api/iati/activities.xml";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    /// <summary>The repository's copy of the IATI 2.03 schemas (<c>schemas/iati-2.03</c>), found above the test's folder.</summary>
    public static string SchemaDirectory { get; } = FindSchemaDirectory();

    public static string RepositoryRoot => System.IO.Path.GetFullPath(System.IO.Path.Combine(SchemaDirectory, "..", ".."));

    private static string FindSchemaDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "schemas", "iati-2.03");
            if (File.Exists(System.IO.Path.Combine(candidate, "iati-activities-schema.xsd"))) return candidate;
        }
        throw new DirectoryNotFoundException($"No schemas/iati-2.03 folder above {AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// The activities schema; it includes <c>iati-common.xsd</c> and imports <c>xml.xsd</c> from its own folder, which
    /// the resolver reads from disk (never from the network: the locations are relative).
    /// </summary>
    private static XmlSchemaSet LoadSchemas()
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var errors = new List<string>();
        schemas.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        schemas.Add(null, System.IO.Path.Combine(SchemaDirectory, "iati-activities-schema.xsd"));
        schemas.Compile();
        Assert.True(errors.Count == 0, "The IATI schemas do not compile: " + string.Join("; ", errors));
        var activities = schemas.Schemas().Cast<XmlSchema>().Single(s => s.SourceUri!.EndsWith("iati-activities-schema.xsd", StringComparison.Ordinal));
        var external = activities.Includes.Cast<XmlSchemaExternal>().ToList();
        Assert.Equal(["iati-common.xsd", "xml.xsd"], external.Select(e => e.SchemaLocation).Order());
        Assert.All(external, e => Assert.NotNull(e.Schema));
        return schemas;
    }

    /// <summary>Every schema error and warning of <paramref name="xml"/>, each with its line, column and message.</summary>
    public static IReadOnlyList<string> SchemaErrors(byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) =>
            errors.Add($"line {e.Exception.LineNumber}, column {e.Exception.LinePosition}: {e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }

    public static void AssertValid(byte[] xml)
    {
        var errors = SchemaErrors(xml);
        Assert.True(errors.Count == 0,
            $"The IATI file breaks the 2.03 schema in {errors.Count} place(s):\n" + string.Join("\n", errors));
    }

    /// <summary>Fetches the file, checks it is UTF-8 XML as announced, and answers its bytes.</summary>
    public static async Task<byte[]> ActivitiesAsync(this HttpClient client)
    {
        var response = await client.GetAsync(Path, Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {Path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return bytes;
    }

    /// <summary>Parses strictly: invalid UTF-8 or a byte-order mark fails, as does XML that is not well formed.</summary>
    public static XDocument Parse(byte[] xml)
    {
        Assert.False(xml.AsSpan().StartsWith(Encoding.UTF8.Preamble), "The file starts with a byte-order mark.");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(xml);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
        return XDocument.Parse(text, LoadOptions.SetLineInfo);
    }

    public static IReadOnlyList<XElement> Activities(this XDocument document) =>
        document.Root!.Elements("iati-activity").ToList();

    public static string Identifier(this XElement activity) => activity.Element("iati-identifier")!.Value;

    public static string? Code(this XElement element, string child) => element.Element(child)?.Attribute("code")?.Value;

    public static string Narrative(this XElement element, string child) => element.Element(child)!.Element("narrative")!.Value;

    public static IEnumerable<XElement> Transactions(this XElement activity, int type) =>
        activity.Elements("transaction").Where(t => t.Code("transaction-type") == type.ToString(CultureInfo.InvariantCulture));

    public static decimal Value(this XElement transaction) =>
        decimal.Parse(transaction.Element("value")!.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture);

    /// <summary>The sum of every transaction of a type across the file.</summary>
    public static decimal Sum(this XDocument document, int type) =>
        document.Activities().SelectMany(a => a.Transactions(type)).Sum(t => t.Value());

    /// <summary>Each transaction type adds up, to the cent, to the figure the funding status shows for it.</summary>
    public static void AssertFiguresMatch(XDocument document, JsonElement status)
    {
        var expected = new (int Type, string Figure)[]
        {
            (13, "pledgedUsd"), (11, "committedUsd"), (1, "depositedUsd"), (2, "allocatedUsd"), (3, "transferredUsd"),
            (4, "expenditureUsd"),
        };
        foreach (var (type, figure) in expected)
            Assert.True(status.GetProperty(figure).GetDecimal() == document.Sum(type),
                $"Transactions of type {type} add up to {document.Sum(type)}; the funding status shows {figure} {status.GetProperty(figure).GetDecimal()}.");
    }
}
