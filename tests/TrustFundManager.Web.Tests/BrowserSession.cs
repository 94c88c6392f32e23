using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace TrustFundManager.Web.Tests;

/// <summary>The requests a page made: those served here, and those aborted because they would have left the machine.</summary>
public sealed record PageTraffic(IReadOnlyList<string> Local, IReadOnlyList<string> External);

/// <summary>
/// A test's own browser context on the fixture's host: its own cookies, a browser language, and a guard that aborts
/// (and records) every request that would leave this machine. A failing test leaves a screenshot and the page's
/// HTML in <c>TestResults/browser-failures</c> under the test output.
/// </summary>
public static class BrowserSession
{
    /// <summary>Set to a directory, every browser test leaves a screenshot of its last page there, to look at.</summary>
    public const string ScreenshotsVariable = "WEB_TEST_SCREENSHOTS";

    public static string FailuresDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "browser-failures");

    /// <summary>Runs <paramref name="test"/> on a fresh page; returns the requests the page made.</summary>
    /// <remarks>
    /// <paramref name="site"/> is another host than the fixture's (a test class's own, whose clock it moves);
    /// <paramref name="timeZone"/> the browser's time zone (IANA id), the machine's when not given.
    /// </remarks>
    public static async Task<PageTraffic> InPageAsync(this WebAppFixture app, Func<IPage, Task> test,
        string locale = "en-GB", Uri? site = null, string? timeZone = null)
    {
        var browser = app.RequireBrowser();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (site ?? app.BaseAddress).ToString(),
            Locale = locale,
            TimezoneId = timeZone,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var local = new ConcurrentQueue<string>();
        var external = new ConcurrentQueue<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (IsLocal(route.Request.Url))
            {
                local.Enqueue(route.Request.Url);
                await route.ContinueAsync();
            }
            else
            {
                external.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Enqueue($"page error: {error}");
        try
        {
            await test(page);
            if (Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 } screenshots)
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, TestFileName() + ".png"), FullPage = true });
        }
        catch (Exception)
        {
            await SaveFailureAsync(page, console);
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
        return new PageTraffic(local.ToList(), external.ToList());
    }

    private static bool IsLocal(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme is "data" or "blob" || uri.IsLoopback);

    private static string TestFileName()
    {
        var name = string.Concat((TestContext.Current.Test?.TestDisplayName ?? "test")
            .Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return name.Length > 150 ? name[..150] : name;
    }

    private static async Task SaveFailureAsync(IPage page, IEnumerable<string> console)
    {
        try
        {
            Directory.CreateDirectory(FailuresDirectory);
            var stem = Path.Combine(FailuresDirectory, TestFileName());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true });
            await File.WriteAllTextAsync(stem + ".html", await page.ContentAsync());
            await File.WriteAllLinesAsync(stem + ".console.txt", console);
        }
        catch (PlaywrightException)
        {
            // The page itself may be gone; the test's own failure is what matters.
        }
    }

    /// <summary>With <see cref="ScreenshotsVariable"/> set, leaves a screenshot of the page there under <paramref name="name"/>.</summary>
    public static async Task SaveScreenshotAsync(this IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 } screenshots)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, name + ".png"), FullPage = true });
    }

    /// <summary>Waits until the page's circuit is up, so that its buttons respond.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#app-ready[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions
        {
            State = WaitForSelectorState.Attached,
        });

    /// <summary>Signs in through the development sign-in page, starting from <paramref name="path"/>.</summary>
    public static async Task SignInAsync(this IPage page, string user, string path = "/")
    {
        await page.GotoAsync(path);
        await page.Locator($"button[data-user='{user}']").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
    }
}
