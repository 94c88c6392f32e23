using System.Text.RegularExpressions;
using System.Xml.Linq;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Funding;
using TrustFundManager.Web.Layout;

namespace TrustFundManager.Web.Tests;

/// <summary>Every string of the pages exists in English, French and Spanish, and every key a page asks for exists.</summary>
public sealed partial class ResourceTests
{
    private static readonly string[] Languages = ["fr", "es"];

    internal static string WebProject { get; } = FindWebProject();

    public static TheoryData<string> ResourceSets() =>
        new(Directory.GetFiles(Path.Combine(WebProject, "Resources"), "*.resx")
            .Select(Path.GetFileNameWithoutExtension).Where(n => !n!.Contains('.')).Select(n => n!));

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void Every_key_has_a_text_in_every_language(string set)
    {
        var english = Read(Path.Combine(WebProject, "Resources", $"{set}.resx"));
        Assert.NotEmpty(english);
        foreach (var language in Languages)
        {
            var path = Path.Combine(WebProject, "Resources", $"{set}.{language}.resx");
            Assert.True(File.Exists(path), $"{set} has no {language} file");
            var translated = Read(path);
            var missing = english.Keys.Except(translated.Keys).ToList();
            var extra = translated.Keys.Except(english.Keys).ToList();
            var empty = translated.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key).ToList();
            Assert.True(missing.Count == 0, $"{set}.{language}.resx lacks {string.Join(", ", missing)}");
            Assert.True(extra.Count == 0, $"{set}.{language}.resx has keys English lacks: {string.Join(", ", extra)}");
            Assert.True(empty.Count == 0, $"{set}.{language}.resx has empty texts: {string.Join(", ", empty)}");
            // A placeholder ({0}) in one language is in all of them.
            foreach (var (key, text) in english)
                Assert.True(Placeholders(text).SetEquals(Placeholders(translated[key])),
                    $"{set}.{language}.resx: {key} has other placeholders than English");
        }
        Assert.DoesNotContain(english, t => string.IsNullOrWhiteSpace(t.Value));
    }

    [Fact]
    public void Every_key_a_page_asks_for_exists()
    {
        var keys = Directory.GetFiles(Path.Combine(WebProject, "Resources"), "*.resx")
            .Where(f => !Path.GetFileNameWithoutExtension(f).Contains('.'))
            .SelectMany(f => Read(f).Keys).ToHashSet();
        var asked = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(asked);
        var unknown = asked.Where(a => !keys.Contains(a.Key)).Select(a => $"{a.File}: {a.Key}").ToList();
        Assert.True(unknown.Count == 0, $"Keys with no text: {string.Join(", ", unknown)}");
        // Keys built at run time: one per role.
        Assert.All(Roles.All, role => Assert.Contains($"Role.{role}", keys));
    }

    [Fact]
    public void Every_key_built_at_run_time_exists_in_its_set()
    {
        // One per value of the enums the pages name, and one per money figure of the funding status.
        AssertKeys("FundingText", Enum.GetNames<Region>().Select(r => $"Region.{r}").Append("Region.None"));
        AssertKeys("FundingText", typeof(FundingStatus).GetProperties()
            .Where(p => p.PropertyType == typeof(decimal) && p.Name.EndsWith("Usd", StringComparison.Ordinal))
            .Select(p => $"Figure.{p.Name}").Append("Figure.DeliveryRate"));
        AssertKeys("CommitteeText", Enum.GetNames<VoteChoice>().Select(v => $"Vote.{v}"));
        AssertKeys("CommitteeText", Enum.GetNames<BallotKind>().Select(k => $"Kind.{k}"));
        AssertKeys("ConceptNoteText", Enum.GetNames<PartnerKind>().Select(k => $"Partner.{k}"));
        AssertKeys("CommitteeText", Enum.GetNames<DecisionOutcome>().Select(o => $"Outcome.{o}"));
        AssertKeys("CommitteeText", Enum.GetNames<CommitteeRole>().Select(r => $"Role.{r}"));
        AssertKeys("CommitteeText", Enum.GetNames<BallotStatus>().Select(s => $"Status.{s}"));
        AssertKeys("CommitteeText", Enum.GetNames<RecusalReason>().Select(r => $"Recusal.{r}"));
        AssertKeys("CommitteeText", Enum.GetNames<DecisionRule>().Select(r => $"Rule.{r}"));
        AssertKeys("CommitteeText", Enum.GetNames<DecisionGrounds>().Select(g => $"Grounds.{g}"));
        AssertKeys("CommitteeText", Enum.GetNames<ScreeningItem>().Select(i => $"Screening.{i}"));
        AssertKeys("SharedText", NavigationItems.All.Select(item => item.TextKey));
    }

    private static void AssertKeys(string set, IEnumerable<string> expected)
    {
        var keys = Read(Path.Combine(WebProject, "Resources", $"{set}.resx")).Keys;
        var missing = expected.Except(keys).ToList();
        Assert.True(missing.Count == 0, $"{set}.resx lacks {string.Join(", ", missing)}");
    }

    internal static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    private static string FindWebProject()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "TrustFundManager.Web");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("src/TrustFundManager.Web was not found above the test output.");
    }

    // L["Key"], T["Key"], L["Key", argument]: a localizer asked for a literal key.
    [GeneratedRegex("""\b[A-Z]\w*\["([A-Za-z]+\.[A-Za-z.]+)"[\],]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
