using System.Text.Json;
using System.Text.RegularExpressions;
using TrustFundManager.Web.Workflow;
using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Web.Tests;

/// <summary>The diagram's layout, without a browser: every definition in <c>workflows/</c> laid out legibly.</summary>
public sealed partial class WorkflowDiagramLayoutTests
{
    private static readonly string WorkflowsDirectory =
        Path.Combine(Directory.GetParent(ResourceTests.WebProject)!.Parent!.FullName, "workflows");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TheoryData<string, string> Definitions()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(WorkflowsDirectory, "*.v*.json").Select(Path.GetFileName).Order())
            foreach (var language in new[] { "en", "fr", "es" })
                data.Add(file!, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Every_state_has_a_box_every_step_an_arrow_and_nothing_overlaps(string file, string language)
    {
        var definition = JsonSerializer.Deserialize<WorkflowDefinition>(File.ReadAllText(Path.Combine(WorkflowsDirectory, file)), Json)!;
        var titles = ResourceTests.Read(Path.Combine(ResourceTests.WebProject, "Resources",
            language == "en" ? "WorkflowTitleText.resx" : $"WorkflowTitleText.{language}.resx"));
        var layout = WorkflowDiagramLayout.Lay(definition,
            s => titles.GetValueOrDefault(WorkflowTitles.StateKey(definition.Id, s.Name), s.Title),
            a => titles.GetValueOrDefault(WorkflowTitles.ActionKey(definition.Id, a.Name), a.Title));

        Assert.Equal(definition.States.Select(s => s.Name), layout.Nodes.Select(n => n.State));
        Assert.Equal(
            definition.Actions.SelectMany(a => a.From.Select(from => (from, a.Name, a.To ?? from))).Order(),
            layout.Edges.SelectMany(e => e.Actions.Select(a => (e.From, a.Name, e.To))).Order());
        Assert.Single(layout.Nodes, n => n.Initial);

        var boxes = layout.Nodes.Select(n => (Name: n.State, n.X, n.Y, n.Width, n.Height))
            .Concat(layout.Edges.Select(e => (Name: "label " + e.Label, X: e.LabelX - e.LabelWidth / 2, Y: e.LabelY - 8, Width: e.LabelWidth, Height: 16.0)))
            .ToList();
        var overlaps = (from a in boxes
                        from b in boxes
                        where string.CompareOrdinal(a.Name, b.Name) < 0
                              && a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height
                        select $"{a.Name} and {b.Name}").ToList();
        Assert.True(overlaps.Count == 0, $"{file} ({language}): {string.Join("; ", overlaps)}");

        // Everything lies inside the drawing.
        Assert.All(boxes, b => Assert.True(b.X >= layout.MinX && b.X + b.Width <= layout.MinX + layout.Width
                                                              && b.Y >= 0 && b.Y + b.Height <= layout.Height, $"{file}: {b.Name} lies outside"));
        Assert.All(layout.Edges, e => Assert.Matches(PathSyntax(), e.Path));
    }

    [Fact]
    public void Every_guard_of_every_definition_has_a_description_in_the_workflow_pages_resources()
    {
        var english = ResourceTests.Read(Path.Combine(ResourceTests.WebProject, "Resources", "WorkflowDiagramText.resx"));
        var guards = Directory.GetFiles(WorkflowsDirectory, "*.v*.json")
            .SelectMany(f => JsonSerializer.Deserialize<WorkflowDefinition>(File.ReadAllText(f), Json)!.Actions)
            .SelectMany(a => a.Guards).Distinct().ToList();
        Assert.NotEmpty(guards);
        var missing = guards.Where(g => !english.ContainsKey($"Guard.{g}")).ToList();
        Assert.True(missing.Count == 0, $"WorkflowDiagramText.resx lacks Guard.{string.Join(", Guard.", missing)}");
    }

    // Invariant numbers only: a culture's decimal comma would break the path.
    [GeneratedRegex(@"^M -?\d+(\.\d)? -?\d+(\.\d)?( (L|C) [-\d., ]+)*$")]
    private static partial Regex PathSyntax();
}
