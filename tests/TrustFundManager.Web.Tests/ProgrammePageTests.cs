using Microsoft.Playwright;

namespace TrustFundManager.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class ProgrammePageTests(WebAppFixture app)
{
    [Fact]
    public async Task An_organization_opens_its_programme_from_its_home_and_reads_the_money_per_organization_and_the_history() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("puno.unicef");
            await page.GetByTestId("my-programmes").GetByRole(AriaRole.Link, new() { Name = FundSeed.FundedNoteTitle }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = FundSeed.FundedNoteTitle, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("programme-status")).ToHaveTextAsync("Allocated");
            await Assertions.Expect(page.GetByTestId("programme-allocated")).ToHaveTextAsync("1,000,000.00 USD");
            await Assertions.Expect(page.GetByTestId("programme-transferred")).ToHaveTextAsync("300,000.00 USD");
            await Assertions.Expect(page.GetByTestId("programme-spent")).ToHaveTextAsync("123,456.78 USD");
            await Assertions.Expect(page.GetByTestId("programme-delivery")).ToHaveTextAsync("41.2%");
            await Assertions.Expect(page.Locator("[data-testid='budget-line'][data-organization='UNICEF'] td")).ToHaveTextAsync(
                ["600,000.00 USD", "39,252.34 USD", "300,000.00 USD", "123,456.78 USD", "41.2%"]);
            await Assertions.Expect(page.Locator("[data-testid='budget-line'][data-organization='ILO'] td")).ToHaveTextAsync(
                ["400,000.00 USD", "26,168.22 USD", "0.00 USD", "0.00 USD", "–"]);
            await Assertions.Expect(page.GetByTestId("transfer")).ToContainTextAsync("MPTF-2026-0042");
            await Assertions.Expect(page.GetByTestId("programme-history-entry").First).ToContainTextAsync("Amina Diallo");

            await AccessibilityTests.AssertAccessibleAsync(page);
        });

    [Fact]
    public async Task A_programme_the_user_takes_no_part_in_is_not_found() =>
        await app.InPageAsync(async page =>
        {
            await page.SignInAsync("puno.iom", $"/programmes/{app.Fund.Programme}");
            await Assertions.Expect(page.GetByTestId("programme-not-found")).ToBeVisibleAsync();
        });
}
