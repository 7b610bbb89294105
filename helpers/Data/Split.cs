namespace Helpers;

/// <summary>Which part of a data set to load.</summary>
public enum Split
{
    Train,
    Test,
}
