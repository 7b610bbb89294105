namespace Helpers.Tests;

[Collection(nameof(GlobalState))]
public class DataDirectoryTests
{
    [Fact]
    public void The_data_folder_is_found_from_a_folder_below_the_repository()
    {
        var below = Path.Combine(Repository.Root, "helpers", "Data");
        Assert.Equal(Repository.DataDir, InDirectory(below, DataDirectory.Find));
    }

    [Fact]
    public void Without_a_data_folder_above_the_error_says_to_run_the_set_up()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => InDirectory(Path.GetTempPath(), DataDirectory.Find));

        Assert.Contains("scripts/fetch-data.sh", error.Message);
    }

    private static T InDirectory<T>(string folder, Func<T> action)
    {
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder);
        try
        {
            return action();
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }
}
