using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustFundManager.Web.Workflow;
using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Web.Tests;

/// <summary>
/// The workflow pages show what the loaded definitions say: every workflow in the list, every state on the diagram
/// and in the table, every step (from, action, to, who, conditions), in the user's language; a concept note's page
/// leads to its own workflow version with its state highlighted. axe checks the list once and a version's page once
/// (in French, with a state highlighted).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class WorkflowDiagramTests(WebAppFixture app)
{
    private WorkflowCatalog Catalog => app.Host.Services.GetRequiredService<WorkflowCatalog>();

    [Fact]
    public async Task The_list_shows_every_loaded_workflow_and_a_version_s_diagram_and_tables_say_what_its_definition_says() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("sc.deu");
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Workflows" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The fund's workflows", Level = 1 })).ToBeVisibleAsync();

            var loaded = Catalog.Files.Select(f => f.Definition).ToList();
            var listed = await page.GetByTestId("workflow").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.workflow)");
            Assert.Equal(loaded.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
            await page.SaveScreenshotAsync("workflows-list-en");
            await AccessibilityTests.AssertAccessibleAsync(page);

            var current = loaded.Where(d => d.Id == "concept-note").MaxBy(d => d.Version)!;
            await page.GetByRole(AriaRole.Link, new() { Name = "Concept note", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Concept note, version {current.Version}", Level = 1 }))
                .ToBeVisibleAsync();
            await AssertShowsAsync(page, current);
            var submit = page.Locator("tr[data-testid='transition'][data-from='draft'][data-action='submit']");
            await Assertions.Expect(submit).ToContainTextAsync("Government focal point");
            await Assertions.Expect(submit).ToContainTextAsync("The concept note is complete and keeps every rule");
            await Assertions.Expect(page.Locator("tr[data-testid='transition'][data-action='approve']"))
                .ToContainTextAsync("The application (a timer, or a decision recorded elsewhere)");
            await page.SaveScreenshotAsync("workflow-concept-note-en");

            // The keyboard reaches every state of the diagram from its region, and a state leads to its row.
            await page.Locator(".diagram-scroll").FocusAsync();
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal(current.InitialState, await page.EvaluateAsync<string>("() => document.activeElement.dataset.state"));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => url.EndsWith($"#state-{current.InitialState}", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator($"tr#state-{current.InitialState}")).ToContainTextAsync("Start");
        });

    [Fact]
    public async Task A_note_s_page_leads_to_its_workflow_version_in_french_with_its_state_highlighted() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("gov.mex");
            await page.GetByTestId("my-notes").GetByRole(AriaRole.Link, new() { Name = WebAppFixture.SubmittedNoteTitle }).ClickAsync();
            await page.GetByTestId("note-workflow").ClickAsync();

            var version = Catalog.Files.Select(f => f.Definition).Where(d => d.Id == "concept-note").Max(d => d.Version);
            await page.WaitForURLAsync(url => url.Contains($"/workflows/concept-note/versions/{version}?state=submitted", StringComparison.Ordinal));
            var definition = Catalog.Get("concept-note", version);
            var french = ResourceTests.Read(Path.Combine(ResourceTests.WebProject, "Resources", "WorkflowTitleText.fr.resx"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Note conceptuelle, version {version}", Level = 1 }))
                .ToBeVisibleAsync();
            await AssertShowsAsync(page, definition);
            foreach (var state in definition.States)
                Assert.Equal(french[WorkflowTitles.StateKey("concept-note", state.Name)],
                    await page.Locator($"[data-testid='diagram-state'][data-state='{state.Name}']")
                        .EvaluateAsync<string>("e => [...e.querySelectorAll('text')].map(t => t.textContent.trim()).join(' ')"));

            var highlighted = page.Locator("[data-testid='diagram-state'][aria-current='true']");
            await Assertions.Expect(highlighted).ToHaveCountAsync(1);
            await Assertions.Expect(highlighted).ToHaveAttributeAsync("data-state", "submitted");
            await Assertions.Expect(page.GetByTestId("workflow-highlighted")).ToContainTextAsync(french["concept-note.State.submitted"]);
            // The arrows that leave it stand out: the steps that may come next.
            var next = definition.ActionsFrom("submitted").Select(a => a.To!).Distinct().Order().ToArray();
            var drawn = await page.Locator(".diagram-edge-next").EvaluateAllAsync<string[]>("edges => edges.map(e => e.dataset.to)");
            Assert.Equal(next, drawn.Order().ToArray());
            await page.SaveScreenshotAsync("workflow-concept-note-fr");
            await AccessibilityTests.AssertAccessibleAsync(page);
        }, locale: "fr-FR");

    [Fact]
    public async Task The_list_and_an_older_version_read_in_spanish() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("puno.unicef", "/workflows");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Los flujos de trabajo del Fondo", Level = 1 })).ToBeVisibleAsync();
            await page.SaveScreenshotAsync("workflows-list-es");

            await page.Locator("[data-workflow='joint-programme'] a[data-version='1']").ClickAsync();
            var definition = Catalog.Get("joint-programme", 1);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Programa conjunto, versión 1", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("workflow-version-status")).ToContainTextAsync("versión 2");
            await AssertShowsAsync(page, definition);
            await page.SaveScreenshotAsync("workflow-joint-programme-v1-es");

            await page.GotoAsync("/workflows/no-such-workflow");
            await Assertions.Expect(page.GetByTestId("workflow-not-found")).ToBeVisibleAsync();
        }, locale: "es-ES");

    /// <summary>The diagram draws every state and every step of the definition, and the tables list them.</summary>
    private static async Task AssertShowsAsync(IPage page, WorkflowDefinition definition)
    {
        var states = definition.States.Select(s => s.Name).Order(StringComparer.Ordinal).ToArray();
        var steps = definition.Actions.SelectMany(a => a.From.Select(from => $"{from} {a.Name} {a.To ?? from}"))
            .Order(StringComparer.Ordinal).ToArray();
        await Assertions.Expect(page.GetByTestId("diagram-state")).ToHaveCountAsync(states.Length);

        Assert.Equal(states, (await page.GetByTestId("diagram-state").EvaluateAllAsync<string[]>("n => n.map(e => e.dataset.state)"))
            .Order(StringComparer.Ordinal));
        Assert.Equal(states, (await page.GetByTestId("state").EvaluateAllAsync<string[]>("n => n.map(e => e.dataset.state)"))
            .Order(StringComparer.Ordinal));
        Assert.Equal(steps, (await page.GetByTestId("transition").EvaluateAllAsync<string[]>(
            "n => n.map(e => `${e.dataset.from} ${e.dataset.action} ${e.dataset.to}`)")).Order(StringComparer.Ordinal));
        Assert.Equal(steps, (await page.GetByTestId("diagram-edge").EvaluateAllAsync<string[]>(
                "n => n.flatMap(e => e.dataset.actions.split(' ').map(a => `${e.dataset.from} ${a} ${e.dataset.to}`))"))
            .Order(StringComparer.Ordinal));
    }
}
