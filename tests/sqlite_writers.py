"""Run by tests/test_sqlite_writers.py in a process of its own, with DATABASE_URL naming a SQLite
file: WRITERS threads at once each read a counter, then write it plus one, in one transaction.
Prints the counter, then one line per writer: "ok" or the error it met."""

import sys
import threading
import time

import django

django.setup()

from django.db import connection, transaction  # noqa: E402


def main(writers: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (n integer)")
        cursor.execute("INSERT INTO counter VALUES (0)")
    connection.close()
    start, results = threading.Barrier(writers), []

    def write():
        try:
            start.wait(10)
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT n FROM counter")
                (n,) = cursor.fetchone()
                time.sleep(0.2)  # the others begin meanwhile
                cursor.execute("UPDATE counter SET n = %s", [n + 1])
            results.append("ok")
        except Exception as error:  # noqa: BLE001 - printed for the test to read
            results.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with connection.cursor() as cursor:
        cursor.execute("SELECT n FROM counter")
        print(cursor.fetchone()[0])
    print("\n".join(results))


if __name__ == "__main__":
    main(int(sys.argv[1]))
