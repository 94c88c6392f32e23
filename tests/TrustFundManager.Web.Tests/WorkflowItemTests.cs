using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using TrustFundManager.Testing;

namespace TrustFundManager.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class WorkflowItemTests(WebAppFixture app)
{
    [Fact]
    public async Task From_the_inbox_a_government_opens_its_draft_and_submits_it_with_a_comment_kept_as_typed() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("gov.phl");
            await page.GetByRole(AriaRole.Link, new() { Name = "Complete and submit the concept note" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = WebAppFixture.PhilippinesNoteTitle, Level = 1 }))
                .ToBeVisibleAsync();
            Assert.Matches("/concept-notes/[0-9a-f-]{36}$", page.Url);
            await Assertions.Expect(page.GetByTestId("note-status")).ToHaveTextAsync("Draft");
            await Assertions.Expect(page.GetByTestId("note-summary")).ToContainTextAsync("Fair recruitment and decent work");
            await Assertions.Expect(page.GetByTestId("budget-share")).ToHaveTextAsync(["IOM600,000.00 USD", "ILO400,000.00 USD"]);

            const string comment = "Endorsed by the minister <on Monday>.\nSecond line.";
            await page.GetByLabel("Comment").FillAsync(comment);
            await page.Locator("button[data-action='submit']").ClickAsync();

            await Assertions.Expect(page.GetByTestId("note-status")).ToHaveTextAsync("Submitted");
            var step = page.GetByTestId("note-history-entry").Last;
            await Assertions.Expect(step).ToContainTextAsync("Maria Santos");
            await Assertions.Expect(step).ToContainTextAsync("Draft → Submitted");
            Assert.Equal(comment, await step.Locator(".timeline-comment").InnerTextAsync());
            await Assertions.Expect(page.Locator("button[data-action='submit']")).ToHaveCountAsync(0);

            // The workflow step page shows the same record's state.
            await page.GetByRole(AriaRole.Link, new() { Name = "All workflow steps and open tasks" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("workflow-state")).ToHaveTextAsync("Submitted");
        });

    [Fact]
    public async Task An_incomplete_note_cannot_be_submitted_and_says_what_is_missing_and_a_step_someone_else_took_meanwhile_is_a_conflict() =>
        await app.InPageAsync(async page =>
        {
            var ct = TestContext.Current.CancellationToken;
            using var ghana = await app.Host.CreateClientAsAsync("gov.gha");
            var unfinished = (await HttpAssert.OkJsonAsync(await ghana.PostAsync("/api/concept-notes",
                HttpAssert.JsonBody(new { title = "An unfinished draft", country = "GHA" }), ct), HttpStatusCode.Created))
                .GetProperty("id").GetGuid();

            await page.SignInAsync("gov.gha", $"/concept-notes/{unfinished}");
            await Assertions.Expect(page.Locator("button[data-action='submit']")).ToBeDisabledAsync();
            await Assertions.Expect(page.Locator(".blocked-by")).ToContainTextAsync("summary");
            await Assertions.Expect(page.Locator(".blocked-by")).ToContainTextAsync("budget");

            // Withdrawing needs a reason: the comment field says so, and nothing is sent.
            await page.Locator("button[data-action='withdraw']").ClickAsync();
            await Assertions.Expect(page.GetByText("“Withdraw” needs a comment.").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("note-status")).ToHaveTextAsync("Draft");

            // A complete note, open on the page while the same government submits it elsewhere.
            var note = WebAppFixture.CompleteNote("Submitted twice");
            note["country"] = "GHA";
            var complete = (await HttpAssert.OkJsonAsync(await ghana.PostAsync("/api/concept-notes",
                HttpAssert.JsonBody(note.ToJsonString()), ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
            await page.GotoAsync($"/concept-notes/{complete}");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("button[data-action='submit']")).ToBeEnabledAsync();
            await HttpAssert.OkJsonAsync(await ghana.PostAsJsonAsync($"/api/concept-notes/{complete}/actions/submit", new { }, ct));

            await page.GetByLabel("Comment").FillAsync("Kept as typed after a conflict.");
            await page.Locator("button[data-action='withdraw']").ClickAsync();
            await Assertions.Expect(page.GetByTestId("note-error")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("note-status")).ToHaveTextAsync("Draft");
            await Assertions.Expect(page.GetByLabel("Comment")).ToHaveValueAsync("Kept as typed after a conflict.");
            Assert.Equal("submitted", (await HttpAssert.OkJsonAsync(await ghana.GetAsync($"/api/concept-notes/{complete}", ct)))
                .GetProperty("status").GetProperty("name").GetString());
        });

    [Fact]
    public async Task Another_country_s_record_is_not_found_as_in_the_api() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("gov.mex");
            var link = await page.GetByTestId("inbox-item").First.GetByRole(AriaRole.Link).GetAttributeAsync("href");

            await page.Context.ClearCookiesAsync();
            await page.SignInAsync("gov.gha", link!);

            await Assertions.Expect(page.GetByTestId("note-not-found")).ToBeVisibleAsync();
        });

    [Fact]
    public async Task A_funded_note_in_french_shows_its_state_and_history_steps_in_french_and_links_to_its_programme() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("gov.gha", $"/concept-notes/{app.Fund.FundedNote}");

            await Assertions.Expect(page.GetByTestId("note-status")).ToHaveTextAsync("Financée");
            var history = page.GetByTestId("note-history-entry");
            await Assertions.Expect(history.Filter(new() { HasText = "Transmettre au Comité" })).ToContainTextAsync("En examen préalable → En examen par le Comité");
            await Assertions.Expect(history.Filter(new() { HasText = "Transmettre au Comité" })).ToContainTextAsync("Eligible on every point of the checklist.");
            await Assertions.Expect(page.GetByTestId("note-requested"))
                .ToHaveTextAsync(1_000_000m.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("fr")) + " USD");
            Assert.Equal($"/programmes/{app.Fund.Programme}", await page.GetByTestId("note-programme").GetAttributeAsync("href"));
        }, locale: "fr-FR");
}
