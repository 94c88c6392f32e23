namespace TrustFundManager.Domain.ReferenceData;

/// <summary>One of the GCM's ten guiding principles, used as assessment criteria.</summary>
public sealed class GuidingPrinciple
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    private GuidingPrinciple()
    {
        Title = string.Empty;
    }

    public GuidingPrinciple(int number, string title, string? description = null)
    {
        if (number < 1) throw new ArgumentOutOfRangeException(nameof(number), "Principle numbers start at 1.");
        Number = number;
        Title = Text.Required(title, "title", TitleMaxLength);
        Description = Text.Optional(description, "description", DescriptionMaxLength);
    }

    public int Number { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }

    public void Rename(string title, string? description)
    {
        Title = Text.Required(title, "title", TitleMaxLength);
        Description = Text.Optional(description, "description", DescriptionMaxLength);
    }
}
