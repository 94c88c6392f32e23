using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TrustFundManager.Web.Tests;

/// <summary>axe on every page: no serious or critical violation of WCAG 2.1 A and AA.</summary>
[Collection(WebCollection.Name)]
public sealed class AccessibilityTests(WebAppFixture app)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        // Only the violations come back: the passes are most of axe's answer and most of its time.
        ResultTypes = [ResultType.Violations],
    };

    [Fact]
    public async Task The_sign_in_and_access_denied_pages_have_no_serious_or_critical_violation() =>
        await app.InPageAsync(async page =>
        {
            await page.GotoAsync("/sign-in/development");
            await AssertAccessibleAsync(page);

            await page.GotoAsync("/access-denied");
            await AssertAccessibleAsync(page);
        });

    [Fact]
    public async Task The_home_page_with_an_inbox_a_workflow_step_and_the_not_found_page_have_no_serious_or_critical_violation() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("fmu.officer");
            await Assertions.Expect(page.GetByTestId("inbox-item").First).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);

            await page.GetByTestId("inbox-item").First.GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);

            await page.GotoAsync("/not-found");
            await page.WaitForInteractiveAsync();
            await AssertAccessibleAsync(page);
        });

    [Fact]
    public async Task A_committee_member_s_home_in_french_with_open_ballots_and_the_dashboard_has_no_serious_or_critical_violation() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("sc.deu");
            await Assertions.Expect(page.GetByTestId("open-ballot")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("donor-row").First).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);
        }, locale: "fr-FR");

    [Fact]
    public async Task A_government_s_an_organization_s_and_an_administrator_s_homes_have_no_serious_or_critical_violation() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("gov.gha");
            await Assertions.Expect(page.GetByTestId("my-note").First).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);

            await page.GetByTestId("my-notes").GetByRole(AriaRole.Link, new() { Name = FundSeed.FundedNoteTitle }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("note-history-entry").First).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);

            await page.Context.ClearCookiesAsync();
            await page.SignInAsync("puno.unicef");
            await Assertions.Expect(page.GetByTestId("my-programme").First).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);

            await page.Context.ClearCookiesAsync();
            await page.SignInAsync("admin");
            await Assertions.Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);
        }, locale: "es-ES");

    internal static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:\n{string.Join("\n", serious)}");
    }
}
