import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  RequestComment,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { PersonName } from '../shared/EntityName';
import { timeAgo } from '../format/time';
import { RunChange } from './actions';
import { WRAP } from './wrap';

/** The conversation about the request, and a box to add to it where the viewer may. */
export function CommentsCard(props: {
  request: TechRequestView;
  comments: RequestComment[];
  act: RunChange;
}) {
  const { request, comments, act } = props;
  const id = request.id;
  const allowed = request.allowedActions;
  const api = useApi(techRequestsApiRef);
  const [comment, setComment] = useState('');
  return (
    <InfoCard title="Comments">
      {comments.length === 0 && (
        <Typography variant="body2">No comments yet.</Typography>
      )}
      <List dense aria-label="Comments">
        {comments.map(c => (
          <ListItem key={c.id}>
            <ListItemText
              secondaryTypographyProps={WRAP}
              primary={c.body}
              secondary={
                <>
                  <PersonName entityRef={c.author} />, {timeAgo(c.createdAt)}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
      {allowed.includes('comment') && (
        <Box
          component="form"
          mt={2}
          onSubmit={event => {
            event.preventDefault();
            act(async () => {
              await api.addComment(id, comment);
              setComment('');
            });
          }}
        >
          <TextField
            fullWidth
            multiline
            minRows={2}
            id="comment-body"
            label="Add a comment"
            variant="outlined"
            value={comment}
            onChange={event => setComment(event.target.value)}
          />
          <Button type="submit" color="primary" disabled={!comment.trim()}>
            Comment
          </Button>
        </Box>
      )}
    </InfoCard>
  );
}
