namespace TrustFundManager.Web.Tests;

/// <summary>Everything a page needs is served by the application: no CDN, no font service, nothing from elsewhere.</summary>
[Collection(WebCollection.Name)]
public sealed class OfflineTests(WebAppFixture app)
{
    [Fact]
    public async Task No_page_requests_anything_from_another_host()
    {
        var traffic = await app.InPageAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.SignInAsync("gov.mex");
            await page.GotoAsync("/not-found");
            await page.WaitForInteractiveAsync();
            await page.GotoAsync("/access-denied");
            await page.GotoAsync("/");
            await page.WaitForInteractiveAsync();
        });

        Assert.Empty(traffic.External);
        // The pages did load their styles and scripts, from this host.
        Assert.Contains(traffic.Local, url => url.Contains("/_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal));
        Assert.Contains(traffic.Local, url => url.Contains("/_framework/blazor.web.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_guard_sees_and_stops_a_request_to_another_host()
    {
        var traffic = await app.InPageAsync(async page =>
        {
            await page.GotoAsync("/sign-in/development");
            await page.EvaluateAsync("() => fetch('https://fonts.example.org/font.css').catch(() => null)");
        });

        Assert.Equal(["https://fonts.example.org/font.css"], traffic.External);
    }
}
