import java.lang.reflect.InvocationTargetException;

/**
 * Runs many Java snippets in one JVM, so the execution table pays for one JVM start, not one per
 * case. Each argument names a snippet class (each snippet sits in its own package); its main runs
 * in turn, and the outcome goes to stderr as marker lines the test parses:
 *
 * <pre>
 * @@start <class>
 * @@ok <class>            main returned
 * @@fail <class> <error>  main threw (the snippet's own failure or an error inside it)
 * </pre>
 *
 * A snippet that stops with System.exit ends the JVM between a start and its ok/fail; the test
 * counts that case as failed and starts a new JVM with the classes after it. This needs no
 * SecurityManager (deprecated) and no change to the snippet's text.
 */
public final class SnippetHarness {
  public static void main(String[] args) {
    for (String className : args) {
      System.err.println("@@start " + className);
      try {
        Class.forName(className)
            .getMethod("main", String[].class)
            .invoke(null, (Object) new String[0]);
        System.out.flush();
        System.err.println("@@ok " + className);
      } catch (InvocationTargetException error) {
        System.err.println("@@fail " + className + " " + error.getCause());
      } catch (ReflectiveOperationException error) {
        System.err.println("@@fail " + className + " " + error);
      }
    }
    // HTTP clients may leave non-daemon threads behind; the run is over.
    System.exit(0);
  }
}
