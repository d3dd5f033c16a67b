"""The dashboard's "Waiting for you" queues of campaigns: groups and activities to approve (admin helper fills it)."""
