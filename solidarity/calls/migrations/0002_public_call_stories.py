"""The stories of kind "Public call" become public call pages (``PublicCallPage``), so editors meet one thing.

Each keeps its page, address, translations, text, countries and history: a row is added beside its story
row, and the page, its revisions and its search entries take the public call's content type. It is closed
on its own date (it never gathered signatures here: an editor who wants signatures opens it on purpose, with
new dates), and its ``addressed_to`` is empty until an editor fills it in (the admin asks for it at the next
save). Reversed, every public call is a story of kind "Public call" again; signatures stay in their table.
"""

from django.db import migrations


def _content_types(apps):
    content_type = apps.get_model("contenttypes", "ContentType")
    story, _ = content_type.objects.get_or_create(app_label="stories", model="storypage")
    call, _ = content_type.objects.get_or_create(app_label="calls", model="publiccallpage")
    page, _ = content_type.objects.get_or_create(app_label="wagtailcore", model="page")
    return story, call, page


def _retype(apps, ids, old, new, page_type):
    apps.get_model("wagtailcore", "Page").objects.filter(pk__in=ids).update(content_type=new)
    apps.get_model("wagtailcore", "Revision").objects.filter(
        base_content_type=page_type, object_id__in=[str(pk) for pk in ids], content_type=old
    ).update(content_type=new)
    object_ids = [str(pk) for pk in ids]
    apps.get_model("wagtailcore", "WorkflowState").objects.filter(
        base_content_type=page_type, object_id__in=object_ids, content_type=old
    ).update(content_type=new)
    apps.get_model("wagtailcore", "ReferenceIndex").objects.filter(content_type=old, object_id__in=object_ids).update(
        content_type=new
    )
    apps.get_model("wagtailsearch", "IndexEntry").objects.filter(content_type=old, object_id__in=object_ids).update(
        content_type=new
    )


def stories_to_calls(apps, schema_editor):
    story_page = apps.get_model("stories", "StoryPage")
    public_call = apps.get_model("calls", "PublicCallPage")
    ids = list(story_page.objects.filter(kind="call").values_list("pk", flat=True))
    if not ids:
        return
    for story in story_page.objects.filter(pk__in=ids):
        # Closed on its own date: it never gathered signatures here, and an editor opens it on purpose.
        call = public_call(storypage_ptr_id=story.pk, addressed_to="", opens_on=story.date, closes_on=story.date)
        call.save_base(raw=True)  # the child row only: the page and story rows are there already
    story, call, page = _content_types(apps)
    _retype(apps, ids, story, call, page)


def calls_to_stories(apps, schema_editor):
    public_call = apps.get_model("calls", "PublicCallPage")
    ids = list(public_call.objects.values_list("pk", flat=True))
    if not ids:
        return
    story, call, page = _content_types(apps)
    _retype(apps, ids, call, story, page)
    apps.get_model("calls", "PublicCallStory").objects.filter(call_id__in=ids).delete()
    schema_editor.execute(
        "DELETE FROM calls_publiccallpage WHERE storypage_ptr_id IN (%s)" % ",".join(str(int(pk)) for pk in ids)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0001_initial"),
        ("stories", "0007_story_credit"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(stories_to_calls, calls_to_stories)]
