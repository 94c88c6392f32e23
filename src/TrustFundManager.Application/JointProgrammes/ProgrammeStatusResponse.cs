namespace TrustFundManager.Application.JointProgrammes;

/// <summary>Where a joint programme is in its workflow: shown with the programme and with its results matrix.</summary>
public sealed record ProgrammeStatusResponse(string State, string Title, bool Terminal);
