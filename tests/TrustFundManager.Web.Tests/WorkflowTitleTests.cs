using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TrustFundManager.Web.Resources;
using TrustFundManager.Web.Workflow;

namespace TrustFundManager.Web.Tests;

/// <summary>
/// Workflow titles in the user's language: every state, action and task of every definition (and the journal's start
/// step), else the definition's own title.
/// </summary>
public sealed class WorkflowTitleTests
{
    private static readonly string WorkflowsDirectory =
        Path.Combine(Directory.GetParent(ResourceTests.WebProject)!.Parent!.FullName, "workflows");

    [Fact]
    public void Every_workflow_state_action_and_task_of_every_definition_has_a_title_whose_english_is_the_definition_s()
    {
        var english = ResourceTests.Read(Path.Combine(ResourceTests.WebProject, "Resources", "WorkflowTitleText.resx"));
        var latest = Directory.GetFiles(WorkflowsDirectory, "*.v*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .GroupBy(d => d.GetProperty("id").GetString()!)
            .Select(g => g.OrderBy(d => d.GetProperty("version").GetInt32()).Last())
            .ToList();
        Assert.True(latest.Count >= 4, $"Only {latest.Count} workflows were found in {WorkflowsDirectory}");

        var expected = new Dictionary<string, string>();
        foreach (var definition in latest)
        {
            var id = definition.GetProperty("id").GetString()!;
            expected[WorkflowTitles.WorkflowKey(id)] = definition.GetProperty("title").GetString()!;
            foreach (var state in definition.GetProperty("states").EnumerateArray())
            {
                var name = state.GetProperty("name").GetString()!;
                expected[WorkflowTitles.StateKey(id, name)] = state.GetProperty("title").GetString()!;
                if (state.TryGetProperty("task", out var task) && task.ValueKind == JsonValueKind.Object)
                    expected[WorkflowTitles.TaskKey(id, name)] = task.GetProperty("title").GetString()!;
            }
            foreach (var action in definition.GetProperty("actions").EnumerateArray())
                expected[WorkflowTitles.ActionKey(id, action.GetProperty("name").GetString()!)] = action.GetProperty("title").GetString()!;
        }

        var wrong = expected.Where(e => !english.TryGetValue(e.Key, out var text) || text != e.Value)
            .Select(e => $"{e.Key}: \"{e.Value}\"").ToList();
        Assert.True(wrong.Count == 0, $"WorkflowTitleText.resx lacks or differs from the definitions on:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public void A_known_name_reads_in_the_user_s_language_and_an_unknown_one_keeps_the_definition_s_title()
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var titles = new WorkflowTitles(services.GetRequiredService<IStringLocalizer<WorkflowTitleText>>());
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            Assert.Equal("Financée", titles.State("concept-note", "funded", "Funded"));
            Assert.Equal("Transmettre au Comité", titles.Action("concept-note", "forwardToCommittee", "Forward to the committee"));
            Assert.Equal("Compléter et soumettre la note conceptuelle", titles.Task("concept-note", "draft", "Complete and submit the concept note"));
            Assert.Equal("A state a new version adds", titles.State("concept-note", "notYetTranslated", "A state a new version adds"));

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
            Assert.Equal("Financiada", titles.State("concept-note", "funded", "Funded"));
            Assert.Equal("Creación", titles.Action("concept-note", "start", "Start"));
            Assert.Equal("An action of a new workflow", titles.Action("grant-agreement", "sign", "An action of a new workflow"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
