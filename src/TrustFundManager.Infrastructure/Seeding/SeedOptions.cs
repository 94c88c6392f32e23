namespace TrustFundManager.Infrastructure.Seeding;

/// <summary>The <c>Seed</c> configuration section.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Adds the demo portfolio to a database that has no concept notes yet (<c>--seed-demo</c>).</summary>
    public bool Demo { get; set; }
}
